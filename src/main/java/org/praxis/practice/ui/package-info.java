/**
 * The views of practice notes: a cohort's notes with filters, the network's published notes, a
 * note with its comments and useful marks, the editor, and the facilitators' publishing queue.
 */
package org.praxis.practice.ui;
