package io.ringside.application.port.in;

/** An operator asks who called the company recently (the Recent callers list). */
public interface ListRecentCallers {

    RecentCallersResult list();
}
