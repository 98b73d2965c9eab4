/**
 * Accounts of the people in Praxis: members, facilitators and admins. Facilitators and admins
 * create, edit and deactivate them and reset passwords; everyone edits their own profile, changes
 * their own password, changes their email address through a link mailed to the new one, or
 * chooses a new password by a mailed link when they forgot it. At a first start with no account, a
 * setup link in the log creates the first admin.
 * Everyone downloads what they wrote; admins delete an account on request, through every
 * feature's {@link org.praxis.base.privacy.PersonalData}.
 */
@Owns({"member", "setup_token", "password_reset", "email_change"})
package org.praxis.member;

import org.praxis.base.Owns;
