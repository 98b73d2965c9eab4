/**
 * Partner organisations of the network: name, sector, county and tribal nation. Members belong
 * to one; the cohort's representation is read across them.
 */
@Owns({"organization"})
package org.praxis.organization;

import org.praxis.base.Owns;
