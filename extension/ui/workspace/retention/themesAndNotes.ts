/**
 * What an exit interview's form and a Stay conversation's share: the themes raised (from the
 * council's list) and the notes, which never reach reports.
 */
export interface ThemesAndNotesDraft {
  themes: string[];
  notes: string;
}

/** The form's copy of a record's themes and notes (empty for a new record). */
export const themesAndNotesDraft = (record: { themes: readonly string[]; notes?: string | null } | null): ThemesAndNotesDraft => ({
  themes: [...(record?.themes ?? [])],
  notes: record?.notes ?? '',
});
