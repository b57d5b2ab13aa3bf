package com.example.misbehaving;

/** The ways these processors go wrong; each factory picks one. */
enum Misbehaviour {
    /** Throws an IllegalStateException from the third block on. */
    THROWS,
    /** Writes NaN into its output from the third block on. */
    NAN,
    /** Throws an AssertionError (an Error, not an Exception) from the third block on. */
    ERROR,
    /** Calls System.exit(0) from the third block on. */
    EXIT,
    /** Never returns from its third block. */
    HANG,
    /** Throws OutOfMemoryError while preparing. */
    OOM_IN_PREPARE,
    /** Delays by 4800 frames (and says so), then throws from the third block on. */
    LATENT_THROWS
}
