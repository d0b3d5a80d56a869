-- What to do when a control fails, and its public references (one URL a line), as the mapping
-- file gives them: shown under each failing control in the PDF, the workbook and results.json.
ALTER TABLE ev_control ADD COLUMN remediation VARCHAR(4000);
ALTER TABLE ev_control ADD COLUMN reference_urls VARCHAR(8000);
