package io.ringside.application.port.in;

import io.ringside.domain.Intake;

import java.util.List;

/** Anyone at the console sees what was saved today (in Ringside's time zone), newest first. */
public interface ListTodaysIntakes {

    List<Intake> today();
}
