/**
 * The library of policy analyses: members look at one policy, practice or structure of their
 * organisation through the equity-versus-equality lens, in seven sections; shared analyses keep
 * a version per save, are compared section by section and reviewed by peers.
 */
@Owns({"analysis", "analysis_author", "analysis_dimension", "analysis_version", "analysis_comment", "analysis_visit", "analysis_session", "analysis_thread"})
package org.praxis.analysis;

import org.praxis.base.Owns;
