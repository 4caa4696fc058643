-- Id sequences: ids are drawn with nextval('<name>') (DuckDB and PostgreSQL), never computed as
-- max(id) + 1, so two writers cannot pick the same id and an id is never handed out twice, not even
-- one of a rolled-back import. A migration cannot compute a start value portably: the store moves
-- each sequence past the highest id already stored when it migrates (store.SEQUENCES).

CREATE SEQUENCE imports_id_seq START WITH 1;
CREATE SEQUENCE partners_id_seq START WITH 1;
CREATE SEQUENCE programs_id_seq START WITH 1;
