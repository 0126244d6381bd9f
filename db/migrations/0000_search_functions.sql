-- Generated columns need immutable expressions; array_to_string is only stable (it depends on the
-- element type's output function), but for text[] it is in fact immutable. This wrapper says so.
CREATE OR REPLACE FUNCTION immutable_text_array_to_string(text[], text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT array_to_string($1, $2) $$;
