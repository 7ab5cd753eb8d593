"""Files and storage: article input checks, atomic writes, the result cache, the model store, paths, schema files."""
