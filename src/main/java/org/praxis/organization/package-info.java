/**
 * Partner organisations of the network: name, sector, county and tribal nation. Members belong
 * to one; the cohort's representation is read across them.
 */
package org.praxis.organization;
