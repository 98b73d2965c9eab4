/** The pages of peer consultations: the cohort's list, the form to bring a dilemma, and a consultation's page. */
package org.praxis.consultation.ui;
