package dev.switchboard.model.contact;

import java.util.Objects;

/** What {@link PhoneNormalizer} made of one phone value: a usable E.164 number, or why not. */
public sealed interface PhoneCheck {

    /**
     * A number Switchboard may call or text.
     *
     * @param e164   the number in E.164 form, e.g. {@code +14155552671}; matches {@code \+[1-9][0-9]{6,14}}
     * @param region the ISO 3166-1 alpha-2 region the number belongs to, e.g. {@code US}; {@code 001} for
     *               non-geographic numbers such as +800 international freephone
     */
    record Valid(String e164, String region) implements PhoneCheck {
        public Valid {
            Objects.requireNonNull(e164, "e164");
            Objects.requireNonNull(region, "region");
        }
    }

    /**
     * A value that is not a usable number.
     *
     * @param reason shown to users: lower-case start, no trailing period, e.g. {@code premium-rate number}
     */
    record Invalid(String reason) implements PhoneCheck {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
