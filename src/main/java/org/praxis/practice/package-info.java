/**
 * Practice notes: short notes of what a member tried in their organisation (a policy, practice or
 * structure they changed or tested), what happened and what they learned, with the library's
 * policy areas, equity dimensions and tags. Each note is read as its author chose — only them,
 * the cohort's facilitators, the cohort, or, with their consent and a facilitator's publishing,
 * every cohort of the network (with or without their name). Peers comment in a thread of the
 * conversation feature and mark notes useful; search finds notes for those who may read them.
 */
@Owns({"practice_note", "practice_note_dimension", "practice_note_useful"})
package org.praxis.practice;

import org.praxis.base.Owns;
