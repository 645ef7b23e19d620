import { describe, expect, it } from 'vitest';
import { GO_TYPE, Template } from './template';
import { writeFormat, labelHeader } from './table';

const run = (src: string, data: unknown) => Template.parse(src).execute(data);

describe('template', () => {
  it('fields, dot, pipelines and functions', () => {
    expect(run('{{.A.B}}', { A: { B: 'x' } })).toBe('x');
    expect(run('{{.}}', 'hi')).toBe('hi');
    expect(run('{{.Name | upper}}', { Name: 'web' })).toBe('WEB');
    expect(run('{{json .}}', { a: '<b>' })).toBe('{"a":"<b>"}');
    expect(run('{{join .L ","}}', { L: ['a', 'b'] })).toBe('a,b');
    expect(run('{{split .S ":"}}', { S: 'a:b' })).toBe('[a b]');
    expect(run('{{title .S}} {{lower "AB"}}', { S: 'hello world' })).toBe('Hello World ab');
    expect(run('{{truncate .ID 5}}|{{pad .X 2 1}}|{{pad "" 2 2}}|', { ID: 'containerID', X: 'p' })).toBe('conta|  p ||');
    expect(run('{{len .L}} {{index .M "k"}} {{index .L 1}}', { L: [1, 2], M: { k: 'v' } })).toBe('2 v 2');
    expect(run('{{printf "%s-%d|%-5s|%5s" "a" 3 "x" "y"}}', {})).toBe('a-3|x    |    y');
    expect(run('{{println "a" "b"}}', {})).toBe('a b\n');
  });
  it('if / else if / else / with', () => {
    const t = '{{if eq .N 1}}one{{else if gt .N 5}}big{{else}}other{{end}}';
    expect(run(t, { N: 1 })).toBe('one');
    expect(run(t, { N: 9 })).toBe('big');
    expect(run(t, { N: 3 })).toBe('other');
    expect(run('{{with .X}}[{{.}}]{{else}}none{{end}}', { X: '' })).toBe('none');
    expect(run('{{with .X}}[{{.}}]{{end}}', { X: 'y' })).toBe('[y]');
    expect(run('{{if and .A (not .B)}}ok{{end}}', { A: true, B: false })).toBe('ok');
    expect(run('{{if or .A .B}}ok{{end}}', { A: '', B: 'x' })).toBe('ok');
  });
  it('range with variables and trim markers', () => {
    expect(run('{{range .L}}<{{.}}>{{end}}', { L: ['a', 'b'] })).toBe('<a><b>');
    expect(run('{{range $k, $v := .M}}{{$k}}={{$v}};{{end}}', { M: { b: 2, a: 1 } })).toBe('a=1;b=2;');
    expect(run('{{range $i, $e := .L}}{{$i}}{{$e}} {{end}}', { L: ['x', 'y'] })).toBe('0x 1y ');
    expect(run('{{range .L}}x{{else}}empty{{end}}', { L: [] })).toBe('empty');
    expect(run('a  {{- .X -}}  b', { X: 1 })).toBe('a1b');
    expect(run('{{$n := .N}}{{range .L}}{{$n}}{{end}}', { N: 'n', L: [1, 2] })).toBe('nn');
    expect(run('{{/* comment */}}x', {})).toBe('x');
  });
  it('methods with arguments, missing keys and Go struct errors', () => {
    const row = { [GO_TYPE]: '*formatter.ContainerContext', Label: (k: string) => ({ 'some.label': 'value' } as Record<string, string>)[k] ?? '' };
    expect(run('{{.Label "some.label"}}', row)).toBe('value');
    expect(run('{{.Missing}}', { A: 1 })).toBe('<no value>');
    expect(() => run('{{.Foo}}', row)).toThrow('template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext');
    expect(run('{{.M}}', { M: { b: 'x', a: 'y' } })).toBe('map[a:y b:x]');
    expect(run('{{.N}}', { N: null })).toBe('<nil>');
  });
  it('parse errors are worded like Go', () => {
    expect(() => Template.parse('{{foo .}}')).toThrow('template: :1: function "foo" not defined');
    expect(() => Template.parse('{{if .A}}x')).toThrow('template: :1: unexpected EOF');
    expect(() => Template.parse('{{.A')).toThrow('template: :1: unclosed action');
  });
});

describe('table formatter', () => {
  const header = { ID: 'CONTAINER ID', Image: 'IMAGE', Names: 'NAMES', Status: 'STATUS', Ports: 'PORTS', RunningFor: 'CREATED', Label: (n: string) => labelHeader(n) };
  const rows = [
    { ID: 'containerID1', Image: 'ubuntu', Names: 'foobar_baz', Status: '', Ports: '', RunningFor: '24 hours ago' },
    { ID: 'containerID2', Image: 'ubuntu', Names: 'foobar_bar', Status: '', Ports: '', RunningFor: '24 hours ago' },
  ];
  it('special headers golden (formatter/container-context-write-special-headers)', async () => {
    const { readFileSync } = await import('node:fs');
    const golden = readFileSync('../shared/conformance/cli-golden/v28.5.2/cli/command/formatter/testdata/container-context-write-special-headers.golden', 'utf8');
    const r = writeFormat('table {{truncate .ID 5}}\t{{json .Image}} {{.RunningFor}}/{{title .Status}}/{{pad .Ports 2 2}}.{{upper .Names}} {{lower .Status}}', header, rows);
    expect(r.out).toBe(golden);
  });
  it('header even with zero rows; custom formats have no header', () => {
    expect(writeFormat('table {{.ID}}\t{{.Image}}', header, []).out).toBe('CONTAINER ID   IMAGE\n');
    expect(writeFormat('{{.Names}} {{.Names}}', header, rows).out).toBe('foobar_baz foobar_baz\nfoobar_bar foobar_bar\n');
    expect(writeFormat('table', header, rows).out).toBe('\n\n\n');
  });
  it('json is one object per line', () => {
    expect(writeFormat('json', header, [{ a: 1 }]).out).toBe('{"a":1}\n');
  });
  it('label header', () => {
    expect(writeFormat('table {{.Label "com.example.some-label"}}', header, []).out).toBe('some label\n');
  });
  it('reports template errors with the CLI prefix', () => {
    expect(writeFormat('{{foo}}', header, rows).error).toBe('template parsing error: template: :1: function "foo" not defined');
  });
});
