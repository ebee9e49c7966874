/**
 * Collection (thu thập): the questionnaire a citizen answers, and the responses it stores.
 *
 * <ul>
 *   <li>{@link org.sipas.collection.SurveyTokens#issue} gives a random single-use token (144 bits,
 *       base64url) for a methodology version, a dossier and a unit; the respondent answers at
 *       {@code /s/{token}} without logging in. Unknown tokens get a polite 404 page, expired ones
 *       410, used ones "already answered".</li>
 *   <li>Each section of the methodology is a step: a plain form posted to {@code /s/{token}}, checked
 *       on the server (required, type, offered codes, constraint), kept as a draft in
 *       {@code response_draft} and answered with a redirect to the next step, or the same step with
 *       its errors. Skip logic ({@code relevant}) is evaluated on the server from all answers so
 *       far; an answer to a question not asked is dropped. The last step lists the answers;
 *       {@code /s/{token}/submit} checks everything again and stores one {@code response} row.</li>
 *   <li>Without JavaScript, a follow-up made relevant by an answer on the same page appears when the
 *       step is posted (the page comes back with it, and a note). With JavaScript, htmx posts the
 *       page's answers to {@code /s/{token}/relevance} when an answer that some relevance
 *       expression of the page reads changes, and swaps in the follow-up questions' places.</li>
 *   <li>Every channel stores through {@link org.sipas.collection.ResponseStore}: {@code store} in the
 *       caller's transaction (a call attempt, a settled paper), {@code submit} for a respondent's own
 *       submit (web, token API, kiosk, CAPI sync), committed together with the submits of the same
 *       moment ({@link org.sipas.collection.Gathering}) and acknowledged after that commit. The rules
 *       about a response live there, in its one statement, for every channel: one answer per token,
 *       case, phone and paper; a token closed only with its response; the campaign in the field
 *       (share-locked, so a close racing a submit comes after it or refuses it:
 *       {@link org.sipas.collection.CampaignNotInField}); an idempotency key is a retry of the same
 *       token's, kiosk's, case's or paper's submit, or refused
 *       ({@link org.sipas.collection.IdempotencyKeyReused}). Each channel answers a refusal its own
 *       way: 410 or 422 problem details on the APIs, the polite closed page for citizens, a message
 *       on the interviewer's or clerk's page.</li>
 *   <li>Staff preview a version at {@code /methodologies/{code}/{version}/preview}: the same pages and
 *       checks, answers kept in the session, nothing stored.</li>
 *   <li>People in training answer made-up practice cases at {@code /training/{campaign}/practice/{case}}
 *       ({@link org.sipas.collection.PracticeCases}): the same pages and checks, the submit stored in
 *       {@code practice_response}, never through {@code ResponseStore}, never announced as
 *       {@code ResponseSubmitted}; no reader of {@code response} (tallies, estimates, exports,
 *       re-checks, fabrication flags, feedback cases) can meet one.</li>
 *   <li>A partner organisation's staff see applicants' contacts only of the cases handed to it
 *       ({@link org.sipas.collection.PartnerCases}, {@code /partner/cases}): held by its staff, or in
 *       a paper batch handed to it.</li>
 * </ul>
 */
package org.sipas.collection;
