-- Mini App viewers are ad engine clients whose age, location and gender may be unknown (NULL) until they
-- fill in the optional profile form. POST /clients/bulk still requires all three, so contract clients always
-- have them. Targeting treats an unknown attribute as matching only campaigns with no restriction on it.
ALTER TABLE ad_client ALTER COLUMN age DROP NOT NULL;
ALTER TABLE ad_client ALTER COLUMN location DROP NOT NULL;
ALTER TABLE ad_client ALTER COLUMN gender DROP NOT NULL;
