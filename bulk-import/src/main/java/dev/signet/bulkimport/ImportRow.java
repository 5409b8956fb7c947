package dev.signet.bulkimport;

/** What the reader made of one element of the file's array: a user to import, or a rejection. */
public sealed interface ImportRow permits ImportUser, RejectedRow {

    /** The element's position in the array, from 1. */
    int row();
}
