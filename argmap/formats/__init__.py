"""Foreign formats: one module each for Argdown, AIF, Kialo, argmap's JSON and GraphML."""
