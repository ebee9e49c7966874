// The skip-logic and constraint language of XLSForm, as org.sipas.methodology.Expression reads it,
// so the device asks the same questions the server will accept. Values are the stored answers
// ("" when unanswered); a comparison is numeric when both sides read as numbers, else textual.
// Loosest first: or; and; = !=; < <= > >=; + -; * div mod; unary -. Functions: selected,
// count-selected, string-length, not, regex, if, true, false, coalesce, concat, int, round, today.
// A bare name reads a column of the choice a choice_filter is tested on. The server checks
// everything again.

// arity; -1: one or more (concat), -2: one or two (round)
const FUNCTIONS = { 'true': 0, 'false': 0, 'today': 0, 'not': 1, 'count-selected': 1, 'string-length': 1, 'int': 1,
  'selected': 2, 'regex': 2, 'coalesce': 2, 'if': 3, 'concat': -1, 'round': -2 };
const NO_ITEM = () => '';
const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;
const DIGIT = /\p{Nd}/u;
// what Java's Double.parseDouble accepts, less hexadecimal
const JAVA_DOUBLE = /^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?)$/;

export class SyntaxError extends Error {
  constructor(position, message) {
    super(`${message} (at character ${position + 1})`);
    this.position = position;
  }
}

// ---- values: a boolean, a number or a string, as in the Java original

function truth(v) {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  return v.length > 0;
}

function number(v) {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const s = v.trim();
  return s === '' || !JAVA_DOUBLE.test(s) ? NaN : parseFloat(s.replace(/[fFdD]$/, '').replace(/^\+/, ''));
}

function string(v) {
  if (typeof v === 'number') {
    return Number.isFinite(v) && v === Math.round(v) ? String(Math.trunc(v)) : javaDouble(v);
  }
  return String(v);
}

function javaDouble(v) {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  const s = String(v);
  return s.includes('.') || s.includes('e') ? s.replace('e+', 'E').replace('e', 'E') : s + '.0';
}

function numeric(v) {
  return typeof v === 'number' || !Number.isNaN(number(v));
}

function equal(a, b) {
  if (typeof a === 'boolean' || typeof b === 'boolean') return truth(a) === truth(b);
  if (numeric(a) && numeric(b)) return number(a) === number(b);
  return string(a) === string(b);
}

// Double.compare: -0 sorts before 0
function compareNumbers(x, y) {
  if (x < y) return -1;
  if (x > y) return 1;
  if (Object.is(x, -0) && Object.is(y, 0)) return -1;
  if (Object.is(x, 0) && Object.is(y, -0)) return 1;
  return 0;
}

function compare(op, a, b) {
  let c;
  if (numeric(a) && numeric(b)) {
    c = compareNumbers(number(a), number(b));
  } else if (string(a) === '' || string(b) === '') {
    return false; // an unanswered question is neither more nor less than anything
  } else {
    c = string(a) < string(b) ? -1 : string(a) > string(b) ? 1 : 0;
  }
  return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
}

function regex(pattern) {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch (e) {
    return new RegExp(`^(?:${pattern})$`);
  }
}

function codes(v) {
  return string(v).trim().split(/\s+/);
}

// ---- evaluation of the syntax tree: nodes are plain objects

function evaluate(node, answers, current, item = NO_ITEM) {
  switch (node.kind) {
    case 'literal': return node.value;
    case 'reference': { const v = answers(node.name); return v == null ? '' : v; }
    case 'column': { const v = item(node.name); return v == null ? '' : v; }
    case 'current': return current;
    case 'negate': return -number(evaluate(node.operand, answers, current, item));
    case 'call': return call(node, answers, current, item);
    default: return binary(node, answers, current, item);
  }
}

function binary(node, answers, current, item) {
  const a = evaluate(node.left, answers, current, item);
  if (node.op === 'or') return truth(a) || truth(evaluate(node.right, answers, current, item));
  if (node.op === 'and') return truth(a) && truth(evaluate(node.right, answers, current, item));
  const b = evaluate(node.right, answers, current, item);
  switch (node.op) {
    case '=': return equal(a, b);
    case '!=': return !equal(a, b);
    case '+': return number(a) + number(b);
    case '-': return number(a) - number(b);
    case '*': return number(a) * number(b);
    case 'div': return number(a) / number(b);
    case 'mod': return number(a) % number(b);
    default: return compare(node.op, a, b);
  }
}

function call(node, answers, current, item) {
  const arg = i => evaluate(node.args[i], answers, current, item);
  switch (node.name) {
    case 'true': return true;
    case 'false': return false;
    case 'not': return !truth(arg(0));
    case 'selected': return codes(arg(0)).includes(string(arg(1)).trim());
    case 'count-selected': { const v = string(arg(0)).trim(); return v === '' ? 0 : v.split(/\s+/).length; }
    case 'string-length': return [...string(arg(0))].length;
    case 'regex': return regex(string(arg(1))).test(string(arg(0)));
    case 'if': return truth(arg(0)) ? arg(1) : arg(2);
    case 'coalesce': { const first = arg(0); return string(first) === '' ? arg(1) : first; }
    case 'concat': return node.args.map((_, i) => string(arg(i))).join('');
    // XPath truncates towards zero, and rounds halves up (towards +∞), as the server does
    case 'int': return Math.trunc(number(arg(0)));
    case 'round': { const scale = node.args.length > 1 ? Math.pow(10, number(arg(1))) : 1; return Math.floor(number(arg(0)) * scale + 0.5) / scale; }
    case 'today': return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    default: throw new Error(node.name);
  }
}

function collect(node, names, kind = 'reference') {
  if (node.kind === kind) names.add(node.name);
  for (const child of [node.left, node.right, node.operand, ...(node.args || [])]) {
    if (child) collect(child, names, kind);
  }
}

// ---- parser: recursive descent, one function per precedence level

class Parser {
  constructor(text) {
    if (text == null || text.trim() === '') throw new SyntaxError(0, 'The expression is empty');
    this.text = text;
    this.at = 0;
  }

  or() {
    let left = this.and();
    while (this.word('or')) left = { kind: 'binary', op: 'or', left, right: this.and() };
    return left;
  }

  and() {
    let left = this.equality();
    while (this.word('and')) left = { kind: 'binary', op: 'and', left, right: this.equality() };
    return left;
  }

  equality() {
    let left = this.relation();
    for (;;) {
      const op = this.symbol('!=') ? '!=' : this.symbol('=') ? '=' : null;
      if (!op) return left;
      left = { kind: 'binary', op, left, right: this.relation() };
    }
  }

  relation() {
    let left = this.additive();
    for (;;) {
      const op = this.symbol('<=') ? '<=' : this.symbol('>=') ? '>=' : this.symbol('<') ? '<' : this.symbol('>') ? '>' : null;
      if (!op) return left;
      left = { kind: 'binary', op, left, right: this.additive() };
    }
  }

  additive() {
    let left = this.multiplicative();
    for (;;) {
      const op = this.symbol('+') ? '+' : this.symbol('-') ? '-' : null;
      if (!op) return left;
      left = { kind: 'binary', op, left, right: this.multiplicative() };
    }
  }

  multiplicative() {
    let left = this.unary();
    for (;;) {
      const op = this.symbol('*') ? '*' : this.word('div') ? 'div' : this.word('mod') ? 'mod' : null;
      if (!op) return left;
      left = { kind: 'binary', op, left, right: this.unary() };
    }
  }

  unary() {
    return this.symbol('-') ? { kind: 'negate', operand: this.unary() } : this.primary();
  }

  primary() {
    const text = this.text;
    this.skipSpace();
    if (this.at >= text.length) throw new SyntaxError(this.at, 'The expression ends where a value was expected');
    const c = text[this.at];
    if (this.symbol('${')) {
      const start = this.at;
      while (this.at < text.length && (LETTER_OR_DIGIT.test(text[this.at]) || '_-.'.includes(text[this.at]))) this.at++;
      if (start === this.at || this.at >= text.length || text[this.at] !== '}') {
        throw new SyntaxError(start, 'A question reference must read ${name}');
      }
      this.at++;
      return { kind: 'reference', name: text.substring(start, this.at - 1) };
    }
    if (this.symbol('(')) {
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    if (c === '\'' || c === '"') {
      const end = text.indexOf(c, this.at + 1);
      if (end < 0) throw new SyntaxError(this.at, 'A text in quotes is not closed');
      const value = text.substring(this.at + 1, end);
      this.at = end + 1;
      return { kind: 'literal', value };
    }
    if (DIGIT.test(c) || (c === '.' && this.at + 1 < text.length && DIGIT.test(text[this.at + 1]))) {
      const start = this.at;
      while (this.at < text.length && (DIGIT.test(text[this.at]) || text[this.at] === '.')) this.at++;
      const digits = text.substring(start, this.at);
      if (!/^(\d+\.?\d*|\.\d+)$/.test(digits)) throw new SyntaxError(start, 'Not a number: ' + digits);
      return { kind: 'literal', value: parseFloat(digits) };
    }
    if (c === '.') {
      this.at++;
      return { kind: 'current' };
    }
    if (LETTER.test(c)) {
      const start = this.at;
      while (this.at < text.length && (LETTER_OR_DIGIT.test(text[this.at]) || text[this.at] === '-')) this.at++;
      const name = text.substring(start, this.at);
      const end = this.at;
      this.skipSpace();
      if (text[this.at] !== '(' && !['and', 'or', 'div', 'mod'].includes(name)) {
        // a bare name, as a choice_filter reads a choice's column: state=${state}
        this.at = end;
        while (this.at < text.length && (LETTER_OR_DIGIT.test(text[this.at]) || text[this.at] === '_' || text[this.at] === '.' || text[this.at] === ':')) this.at++;
        return { kind: 'column', name: text.substring(start, this.at) };
      }
      if (!(name in FUNCTIONS)) throw new SyntaxError(start, 'Unknown function or word: ' + name);
      this.expect('(');
      const args = [];
      if (!this.symbol(')')) {
        do { args.push(this.or()); } while (this.symbol(','));
        this.expect(')');
      }
      const arity = FUNCTIONS[name];
      const fits = arity >= 0 ? args.length === arity : arity === -2 ? args.length === 1 || args.length === 2 : args.length > 0;
      if (!fits) {
        const wanted = arity >= 0 ? arity : arity === -2 ? '1 or 2' : '1 or more';
        throw new SyntaxError(start, `${name}() takes ${wanted} argument(s), not ${args.length}`);
      }
      return { kind: 'call', name, args };
    }
    throw new SyntaxError(this.at, `Unexpected character '${c}'`);
  }

  expectEnd() {
    this.skipSpace();
    if (this.at < this.text.length) throw new SyntaxError(this.at, 'Unexpected text: ' + this.text.substring(this.at));
  }

  expect(s) {
    if (!this.symbol(s)) throw new SyntaxError(this.at, `Expected '${s}'`);
  }

  symbol(s) {
    this.skipSpace();
    if (this.text.startsWith(s, this.at)) {
      this.at += s.length;
      return true;
    }
    return false;
  }

  word(w) {
    this.skipSpace();
    const end = this.at + w.length;
    if (this.text.startsWith(w, this.at) && (end >= this.text.length || !LETTER_OR_DIGIT.test(this.text[end]))) {
      this.at = end;
      return true;
    }
    return false;
  }

  skipSpace() {
    while (this.at < this.text.length && /\s/.test(this.text[this.at])) this.at++;
  }
}

/**
 * Parses an expression. test(answers, current) is true or false for answers (a function of a
 * question name, or an object name → stored answer) and the current value "."; value(answers) is
 * what a calculate computes.
 */
export function parse(text) {
  const parser = new Parser(text);
  const root = parser.or();
  parser.expectEnd();
  return {
    text,
    references() {
      const names = new Set();
      collect(root, names);
      return names;
    },
    test(answers, current) {
      const read = typeof answers === 'function' ? answers : name => answers[name];
      return truth(evaluate(root, read, current == null ? '' : current));
    },
    /** The value for answers, as a calculate stores it (Expression.value on the server). */
    value(answers) {
      const read = typeof answers === 'function' ? answers : name => answers[name];
      return string(evaluate(root, read, ''));
    },
    /** The bare names it reads: a choice's columns, in a choice_filter. */
    columns() {
      const names = new Set();
      collect(root, names, 'column');
      return names;
    },
    /** True or false for one choice (item: a column name → its value), as a choice_filter asks. */
    testItem(answers, item) {
      const read = typeof answers === 'function' ? answers : name => answers[name];
      return truth(evaluate(root, read, '', item));
    },
  };
}
