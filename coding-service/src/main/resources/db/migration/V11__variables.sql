-- A code group can be a variable: its codes are mutually exclusive categories (each coder gives a unit at most one
-- of them), at a level of measurement; a category may carry a value (its order for ordinal, its number for interval
-- and ratio), so agreement can be computed with the distance its level calls for.
alter table code add column variable_level varchar(10);
alter table code add column category_value double precision;
