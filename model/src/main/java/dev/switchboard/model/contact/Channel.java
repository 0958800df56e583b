package dev.switchboard.model.contact;

/** The ways Switchboard reaches a person. */
public enum Channel {
    VOICE, SMS, EMAIL
}
