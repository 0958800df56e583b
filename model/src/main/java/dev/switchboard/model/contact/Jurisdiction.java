package dev.switchboard.model.contact;

import java.util.Objects;

/**
 * The state or province whose rules apply to a contact.
 *
 * @param country ISO 3166-1 alpha-2, e.g. {@code US}
 * @param region  the subdivision code within the country, e.g. {@code FL}
 */
public record Jurisdiction(String country, String region, JurisdictionSource source) {
    public Jurisdiction {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(source, "source");
    }

    /** ISO 3166-2 style code, e.g. {@code US-FL}. */
    public String code() {
        return country + "-" + region;
    }
}
