package dev.switchboard.model.compliance;

/** Why a campaign contacts people; decides which rules apply. */
public enum Purpose {
    MARKETING, SERVICE, COLLECTIONS, LIFE_SAFETY
}
