/**
 * The audit trail: who did what to which record, when and from where. Written by security and by
 * every feature that changes something people are accountable for.
 */
package org.praxis.audit;
