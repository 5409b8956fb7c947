-- The department that owns a relying party (docs/relying-parties.md). Only a department's own relying parties may
-- receive the legacy subjects its connectors vouch for (claim legacy_subjects); NULL: owned by no department.
ALTER TABLE relying_party ADD COLUMN department text;
