/**
 * Accounts of the people in Praxis: members, facilitators and admins. Facilitators and admins
 * create, edit and deactivate them and reset passwords; everyone changes their own password.
 */
package org.praxis.member;
