/** What Go's template prints for a missing map key (an invalid reflect.Value). */
export const NO_VALUE_TEXT = '<no value>';
