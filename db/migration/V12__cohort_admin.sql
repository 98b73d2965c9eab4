-- Cohorts run by admins: a short description for people choosing or joining one, and the moment
-- a cohort closed. A closed cohort stays readable to its people (alumni) and takes no writes; it is
-- never deleted with their work in it.
alter table cohort add column description text check (length(description) <= 1000);
alter table cohort add column closed_at timestamptz;
