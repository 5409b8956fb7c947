package dev.signet.bench.load;

/** One kind of operation the driver repeats, e.g. a client credentials grant or a whole browser sign-in. */
interface Flow {

    /** The name used on the command line and in the report. */
    String name();

    /**
     * One worker's operation, with whatever it needs prepared before timing starts (a refresh token of its own, an
     * access token to introspect).
     */
    Operation prepare(int worker) throws Exception;

    @FunctionalInterface
    interface Operation {

        /** Runs once; returns normally when the server answered as the flow expects, throws otherwise. */
        void run() throws Exception;
    }
}
