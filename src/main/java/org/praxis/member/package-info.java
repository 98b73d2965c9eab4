/**
 * Accounts of the people in Praxis: members, facilitators and admins. Facilitators and admins
 * create, edit and deactivate them and reset passwords; everyone changes their own password, or
 * chooses a new one by a mailed link when they forgot it. At a first start with no account, a
 * setup link in the log creates the first admin.
 * Everyone downloads what they wrote; admins delete an account on request, through every
 * feature's {@link org.praxis.base.privacy.PersonalData}.
 */
@Owns({"member", "setup_token", "password_reset"})
package org.praxis.member;

import org.praxis.base.Owns;
