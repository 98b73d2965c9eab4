/** The people view (accounts and organisations) and each person's own account page. */
package org.praxis.member.ui;
