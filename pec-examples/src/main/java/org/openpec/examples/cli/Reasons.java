package org.openpec.examples.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Why a file operation failed, in a few words a user can act on (the JDK often gives only the path). */
final class Reasons {

  private Reasons() {}

  /** The reason of {@code e}: "permission denied", "no such file or folder", the system's own words, ... */
  static String of(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "a folder that is not empty";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /**
   * The message of an exception whose text ends with the bare message of its file-system cause (which is often
   * only the path): that ending replaced by the cause's reason.
   */
  static String withReason(RuntimeException e) {
    String m = String.valueOf(e.getMessage());
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c instanceof FileSystemException f) {
        String bare = String.valueOf(f.getMessage());
        if (m.endsWith(bare)) {
          return m.substring(0, m.length() - bare.length()) + of(f);
        }
        if (!m.contains(of(f))) {
          return m + " (" + of(f) + ")";
        }
        return m;
      }
    }
    return m;
  }
}
