"""Spelling data shared by the typos detectors: confusion sets between characters
(`confusion`), right forms and word counts (`lexicon`). Everything loads on first use."""
