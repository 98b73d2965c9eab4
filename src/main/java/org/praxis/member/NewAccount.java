package org.praxis.member;

/** A created account and its one-time temporary password, to be handed to the person once. */
public record NewAccount(MemberSummary member, String temporaryPassword) {

    @Override
    public String toString() {
        return "NewAccount[" + member.id() + "]";
    }
}
