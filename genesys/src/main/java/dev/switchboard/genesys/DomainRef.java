package dev.switchboard.genesys;

/** A reference to a Genesys entity ({@code DomainEntityRef}): id, optional name. */
public record DomainRef(String id, String name) {

    public static DomainRef of(String id) {
        return new DomainRef(id, null);
    }
}
