// A questionnaire drawn from its downloaded definition and checked on the device with the web
// form's rules (org.sipas.collection.AnswerRules and Questionnaire): skip logic from the answers
// before each question, required answers, offered codes, whole numbers, dd/MM/yyyy dates, and the
// methodology's constraints. The server checks it all again when the interview is synced.

import { parse } from './expression.js';

const WHOLE_NUMBER = /^[+-]?\d{1,9}$/;
const DECIMAL_NUMBER = /^[+-]?\d{1,12}([.,]\d{1,9})?$/;
const TYPED_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4,})$/;
const LONGEST_TEXT = 4000;

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child != null) node.append(child);
  }
  return node;
}

export function label(text, lang) {
  if (!text) return '';
  // a form may be in any languages: the device's own, else the form's default (its first)
  return text[lang] || Object.values(text)[0] || '';
}

/** The date a respondent typed, as yyyy-mm-dd, or null when it is not a real date. */
function isoDate(typed) {
  const m = TYPED_DATE.exec(typed);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A choice's column as a choice_filter reads it, as ChoiceList.Choice.column does on the server. */
export function choiceColumn(option, name) {
  if (name === 'name') return option.code;
  if (name === 'label') return label(option.label, null);
  const columns = option.columns || {};
  if (name in columns) return columns[name];
  const found = Object.entries(columns).find(([k]) => k.toLowerCase() === name.toLowerCase());
  return found ? found[1] : '';
}

/** The options a cascading select offers given the stored answers, as ChoiceList.offered does on the server. */
export function offeredOptions(question, stored, filter = question.choiceFilter ? parse(question.choiceFilter) : null) {
  if (!filter) return question.options;
  return question.options.filter(o => filter.testItem(name => stored[name] ?? '', c => choiceColumn(o, c)));
}

/** The answer as stored and as expressions read it: numbers without padding, dates yyyy-mm-dd. */
function storedValue(question, typed) {
  if (question.type === 'integer' && WHOLE_NUMBER.test(typed)) return String(parseInt(typed, 10));
  // as the server stores it: 3,50 → 3.5
  if (question.type === 'decimal' && DECIMAL_NUMBER.test(typed)) return String(Number(typed.replace(',', '.')));
  if (question.type === 'date') return isoDate(typed) || typed;
  return typed;
}

/**
 * Draws the questionnaire into container and returns its controls:
 * typed() (name → answer as typed), problems() (name → message, asked questions only), refresh().
 */
export function drawForm(container, form, officials, lang, texts, initial, onChange) {
  const questions = form.sections.flatMap(s => s.questions);
  const relevance = new Map(questions.filter(q => q.relevant).map(q => [q.name, parse(q.relevant)]));
  const constraints = new Map(questions.filter(q => q.constraint).map(q => [q.name, parse(q.constraint)]));
  const filters = new Map(questions.filter(q => q.choiceFilter).map(q => [q.name, parse(q.choiceFilter)]));
  const calculations = new Map(questions.filter(q => q.calculation).map(q => [q.name, parse(q.calculation)]));
  const offeredChoices = (q, stored) => offeredOptions(q, stored, filters.get(q.name));
  let lastStored = {};
  const offered = q => q.type === 'official' ? officials.map(o => o.staffCode) : offeredChoices(q, lastStored).map(o => o.code);

  container.replaceChildren();
  for (const section of form.sections) {
    const fieldset = el('fieldset', { class: 'section' }, el('legend', { text: label(section.title, lang) }));
    for (const q of section.questions) fieldset.append(drawQuestion(q));
    container.append(fieldset);
  }
  // a new interview starts from the form's defaults, as the web page does (StepViews.typedDefault)
  const start = initial && Object.keys(initial).length > 0 ? initial
      : Object.fromEntries(questions.filter(q => q.defaultAnswer).map(q => [q.name, q.defaultAnswer]));
  for (const [name, value] of Object.entries(start)) setTyped(name, value);
  container.addEventListener('input', () => { refresh(); onChange(typed()); });
  container.addEventListener('change', () => { refresh(); onChange(typed()); });
  refresh();

  /** A read-only question's answer, as typed: its calculation, else its default (Questionnaire.fixed). */
  function fixedAnswer(q, stored) {
    const calculation = calculations.get(q.name);
    if (calculation) {
      const value = calculation.value(name => stored[name] ?? '');
      return value === 'NaN' ? '' : value;
    }
    return q.defaultAnswer || '';
  }

  function drawQuestion(q) {
    const wrap = drawControls(q);
    if (q.readOnly) {
      // shown, not editable, as ODK shows a read_only question
      for (const input of wrap.querySelectorAll('input, textarea, select')) {
        if (input.tagName === 'SELECT' || input.type === 'radio' || input.type === 'checkbox') input.disabled = true;
        else input.readOnly = true;
      }
    }
    return wrap;
  }

  function drawControls(q) {
    const id = 'a-' + q.name;
    const required = q.required ? el('span', { class: 'required', text: ' ' + texts['survey.required'] }) : null;
    const hint = q.hint ? el('p', { class: 'hint', id: 'h-' + q.name, text: label(q.hint, lang) }) : null;
    const error = el('p', { class: 'error', id: 'e-' + q.name, hidden: true });
    const described = [hint ? 'h-' + q.name : null, 'e-' + q.name].filter(Boolean).join(' ');
    const wrap = el('div', { class: 'question', id: 'q-' + q.name, 'data-question': q.name });
    if (q.type === 'calculate') return wrap; // computed, never shown (Questionnaire.walk)
    if (q.type === 'note') {
      wrap.append(el('p', { class: 'note-text', text: label(q.label, lang) }), hint);
      return wrap;
    }
    if (['scale', 'select_one', 'select_multiple'].includes(q.type)) {
      const type = q.type === 'select_multiple' ? 'checkbox' : 'radio';
      // a code a form gives twice (allow_choice_duplicates) is one answer: the second choice gets an id of its own
      const seen = {};
      const options = q.options.map(o => {
        seen[o.code] = (seen[o.code] || 0) + 1;
        const optionId = seen[o.code] === 1 ? `${id}-${o.code}` : `${id}-${o.code}-${seen[o.code]}`;
        return el('label', { class: 'option', for: optionId },
            el('input', { type, id: optionId, name: id, value: o.code, 'aria-describedby': described }),
            ' ' + label(o.label, lang));
      });
      wrap.append(el('fieldset', {}, el('legend', {}, label(q.label, lang), required), hint, error,
          el('div', { class: q.type === 'scale' ? 'options scale' : 'options' }, options)));
    } else if (q.type === 'official') {
      const select = el('select', { id, name: id, 'aria-describedby': described },
          el('option', { value: '', text: texts['survey.official.none'] }),
          officials.map(o => el('option', { value: o.staffCode, text: o.title ? `${o.fullName} — ${o.title}` : o.fullName })));
      wrap.append(el('label', { for: id }, label(q.label, lang), required), hint, error, select);
    } else {
      const dateHint = q.type === 'date' ? el('p', { class: 'hint', id: 'd-' + q.name, text: texts['survey.date.hint'] }) : null;
      const input = q.type === 'text'
          ? el('textarea', { id, name: id, rows: 3, 'aria-describedby': described })
          : el('input', { type: 'text', id, name: id, inputmode: q.type === 'integer' ? 'numeric' : q.type === 'decimal' ? 'decimal' : null,
              autocomplete: 'off', 'aria-describedby': dateHint ? described + ' d-' + q.name : described });
      wrap.append(el('label', { for: id }, label(q.label, lang), required), hint, dateHint, error, input);
    }
    return wrap;
  }

  function inputs(name) {
    return [...container.querySelectorAll(`[name="a-${CSS.escape(name)}"]`)];
  }

  function setTyped(name, value) {
    const codes = String(value).split(' ');
    const checked = new Set(); // of a code given twice, the first choice is shown chosen, as the server shows it
    for (const input of inputs(name)) {
      if (input.type === 'radio' || input.type === 'checkbox') {
        input.checked = codes.includes(input.value) && !checked.has(input.value);
        if (input.checked) checked.add(input.value);
      } else input.value = value;
    }
  }

  function typed() {
    const answers = {};
    for (const q of questions) {
      const controls = inputs(q.name);
      const value = controls.some(i => i.type === 'radio' || i.type === 'checkbox')
          ? [...new Set(controls.filter(i => i.checked).map(i => i.value))].join(' ')
          : (controls[0] ? controls[0].value.trim() : '');
      if (value !== '') answers[q.name] = value;
    }
    return answers;
  }

  /** Which questions the answers ask, and the asked answers as stored: a question not asked is unanswered. */
  function walk(answers) {
    const stored = {};
    const asked = new Set();
    for (const q of questions) {
      const relevant = relevance.get(q.name);
      const read = name => stored[name] ?? '';
      if (q.type === 'calculate') {
        // as the server computes it (Questionnaire.calculated): blank when not relevant, blank for "NaN"
        const calculation = calculations.get(q.name);
        if (calculation && !(relevant && !relevant.test(read, ''))) {
          const value = calculation.value(read);
          if (value !== '' && value !== 'NaN') stored[q.name] = value;
        }
        continue;
      }
      if (relevant && !relevant.test(read, '')) continue;
      // a cascade's level is asked once the levels it is filtered by are answered (Questionnaire.isAsked)
      const filter = filters.get(q.name);
      if (filter && ![...filter.references()].every(name => (stored[name] ?? '') !== '')) continue;
      asked.add(q.name);
      const answer = q.readOnly ? fixedAnswer(q, stored) : answers[q.name];
      if (answer) stored[q.name] = storedValue(q, answer);
    }
    return { stored, asked };
  }

  function problem(q, answer, stored) {
    lastStored = stored;
    const codes = answer.split(' ');
    let wrong = null;
    if (q.type === 'scale' || q.type === 'select_one' || q.type === 'official') {
      wrong = offered(q).includes(answer) ? null : texts['survey.error.option'];
    } else if (q.type === 'select_multiple') {
      wrong = new Set(codes).size === codes.length && codes.every(c => offered(q).includes(c)) ? null : texts['survey.error.option'];
    } else if (q.type === 'integer') {
      wrong = WHOLE_NUMBER.test(answer) ? null : texts['survey.error.integer'];
    } else if (q.type === 'decimal') {
      wrong = DECIMAL_NUMBER.test(answer) ? null : texts['survey.error.decimal'];
    } else if (q.type === 'note') {
      wrong = texts['survey.error.option'];
    } else if (q.type === 'date') {
      wrong = isoDate(answer) ? null : texts['survey.error.date'];
    } else if (answer.length > LONGEST_TEXT) {
      wrong = texts['survey.error.tooLong'].replace('{0}', LONGEST_TEXT);
    }
    if (wrong) return wrong;
    const constraint = constraints.get(q.name);
    if (constraint && !constraint.test(name => stored[name] ?? '', storedValue(q, answer))) {
      return q.constraintMessage ? label(q.constraintMessage, lang) : texts['survey.error.constraint'];
    }
    return null;
  }

  function problems() {
    const answers = typed();
    const { stored, asked } = walk(answers);
    const found = {};
    for (const q of questions) {
      if (!asked.has(q.name)) continue;
      const answer = answers[q.name] || '';
      const wrong = answer === '' ? (q.required ? texts['survey.error.required'] : null) : problem(q, answer, stored);
      if (wrong) found[q.name] = wrong;
    }
    return found;
  }

  /** Shows the questions the answers so far ask, hides the others (their answers are not sent). */
  function refresh() {
    const { asked, stored } = walk(typed());
    for (const q of questions) {
      container.querySelector('#q-' + CSS.escape(q.name)).hidden = !asked.has(q.name);
      if (q.readOnly && asked.has(q.name)) setTyped(q.name, fixedAnswer(q, stored));
      if (filters.has(q.name)) {
        // a cascade shows only the choices its filter leaves; a choice no longer offered is cleared
        const codes = new Set(offeredChoices(q, stored).map(o => o.code));
        for (const input of inputs(q.name)) {
          const shown = codes.has(input.value);
          input.closest('label').hidden = !shown;
          if (!shown) input.checked = false;
        }
      }
    }
  }

  function showProblems(found) {
    for (const q of questions) {
      const error = container.querySelector('#e-' + CSS.escape(q.name));
      error.textContent = found[q.name] || '';
      error.hidden = !found[q.name];
      for (const input of inputs(q.name)) {
        if (found[q.name]) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
      }
    }
    const first = questions.find(q => found[q.name]);
    if (first) inputs(first.name)[0]?.focus();
  }

  /** The answers of the asked questions as typed: what the server's AnswerChecks takes. */
  function answersToSend() {
    const answers = typed();
    const { asked } = walk(answers);
    return Object.fromEntries(Object.entries(answers).filter(([name]) => asked.has(name)));
  }

  return { typed, problems, showProblems, answersToSend, refresh };
}
