/**
 * The audit trail: who did what to which record, when and from where. Written by security and by
 * every feature that changes something people are accountable for.
 */
@Owns({"audit_event"})
package org.praxis.audit;

import org.praxis.base.Owns;
