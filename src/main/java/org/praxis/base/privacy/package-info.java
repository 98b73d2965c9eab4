/**
 * What each feature keeps about a person, behind one interface: {@link PersonalData}, which every
 * feature implements for its own tables, so that a member can take away everything they wrote and
 * an admin can delete an account on request without one feature writing another's tables.
 */
package org.praxis.base.privacy;
