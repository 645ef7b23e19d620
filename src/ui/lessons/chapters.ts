/** The chapters' names for the lesson list (the same list the lesson loader orders by). */
export { CHAPTERS as CHAPTER_NAMES } from '../../lessons/chapters';
