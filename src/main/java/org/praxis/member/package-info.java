/**
 * Accounts of the people in Praxis: members, facilitators and admins. Facilitators and admins
 * create, edit and deactivate them and reset passwords; everyone changes their own password.
 * Everyone downloads what they wrote; admins delete an account on request, through every
 * feature's {@link org.praxis.base.privacy.PersonalData}.
 */
@Owns({"member"})
package org.praxis.member;

import org.praxis.base.Owns;
