/**
 * Accounts of the people in Praxis: members, facilitators and admins. Facilitators and admins
 * create, edit and deactivate them and reset passwords; everyone edits their own profile, changes
 * their own password, and changes their email address through a link mailed to the new one.
 * Everyone downloads what they wrote; admins delete an account on request, through every
 * feature's {@link org.praxis.base.privacy.PersonalData}.
 */
@Owns({"member", "email_change"})
package org.praxis.member;

import org.praxis.base.Owns;
