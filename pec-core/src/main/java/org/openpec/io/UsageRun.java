package org.openpec.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openpec.CreditStatement;
import org.openpec.LineResult;
import org.openpec.model.UsageLine;

/**
 * Runs an evaluation over every record of a usage file and hands each outcome, in file order, to a sink, folding
 * the statement on the way: the engine behind {@code pec credit}, {@code reconcile} and {@code losses}.
 *
 * <p>Every record yields exactly one outcome: evaluated or rejected. Memory stays flat: records are read,
 * evaluated and handed on in batches, with a bounded number of batches in flight. The parallel form reads the CSV
 * on one thread, decodes, evaluates and renders batches on {@code threads} workers, and hands the rendered
 * outcomes to the sink on the calling thread in file order; its results are identical to the sequential form's.
 */
public final class UsageRun {

  /** Records per batch of the parallel form. */
  static final int BATCH = 2048;

  private UsageRun() {}

  /**
   * Evaluates every record of {@code reader} in order, on the calling thread.
   *
   * @param reader the usage records; read to the end, not closed
   * @param evaluator the evaluation of a readable record (e.g. {@code byLine(calculator::evaluate)})
   * @param sink receives each outcome, in file order
   * @return the statement of the evaluated lines, with the rejected records counted
   */
  public static CreditStatement run(UsageReader reader, Function<UsageRecord, LineResult> evaluator,
      Consumer<UsageOutcome> sink) {
    Objects.requireNonNull(evaluator, "evaluator");
    Objects.requireNonNull(sink, "sink");
    Fold fold = new Fold();
    while (reader.hasNext()) {
      UsageOutcome o = outcome(reader.next(), evaluator);
      fold.add(o);
      sink.accept(o);
    }
    return fold.toStatement();
  }

  /**
   * Evaluates every record of {@code reader} on {@code threads} worker threads; {@code render} runs on the
   * workers too, and {@code sink} receives the rendered outcomes on the calling thread, in file order.
   *
   * @param reader the usage records; read to the end (on a thread of its own), not closed
   * @param evaluator the evaluation of a readable record; must be thread-safe
   * @param render turns an outcome into what the sink needs (e.g. the cells of an output row); thread-safe
   * @param sink receives each rendered outcome in file order, on the calling thread
   * @param threads the number of workers, at least 1
   * @param <R> the rendered form of an outcome
   * @return the statement of the evaluated lines, with the rejected records counted; equal to the sequential
   *     form's
   */
  public static <R> CreditStatement run(UsageReader reader, Function<UsageRecord, LineResult> evaluator,
      Function<UsageOutcome, R> render, Consumer<R> sink, int threads) {
    return run(reader, evaluator, render, sink, threads, BATCH);
  }

  /** The parallel form with a given batch size (tests use tiny batches to exercise the ordering). */
  static <R> CreditStatement run(UsageReader reader, Function<UsageRecord, LineResult> evaluator,
      Function<UsageOutcome, R> render, Consumer<R> sink, int threads, int batchSize) {
    Objects.requireNonNull(render, "render");
    Objects.requireNonNull(sink, "sink");
    return runBatches(reader, evaluator, outcomes -> {
      List<R> rendered = new ArrayList<>(outcomes.size());
      for (UsageOutcome o : outcomes) {
        rendered.add(render.apply(o));
      }
      return rendered;
    }, rendered -> rendered.forEach(sink), threads, batchSize, false);
  }

  /**
   * Evaluates every record of {@code reader} on {@code threads} worker threads, a batch of records at a time:
   * the file is cut into chunks of whole records on one thread, each chunk is decoded, evaluated and rendered
   * (by {@code renderBatch}, e.g. into the bytes of its output rows) on a worker, and {@code sink} receives the
   * rendered batches on the calling thread, in file order. At most {@code 2 × threads + 1} batches are in flight,
   * so memory does not grow with the file.
   *
   * @param reader the usage records; read to the end (on a thread of its own), not closed
   * @param evaluator the evaluation of a readable record; must be thread-safe
   * @param renderBatch turns the outcomes of a batch, in file order, into what the sink needs; thread-safe
   * @param sink receives each rendered batch in file order, on the calling thread
   * @param threads the number of workers, at least 1
   * @param <R> the rendered form of a batch
   * @return the statement of the evaluated lines, with the rejected records counted; equal to the sequential
   *     form's
   */
  public static <R> CreditStatement runBatches(UsageReader reader, Function<UsageRecord, LineResult> evaluator,
      Function<List<UsageOutcome>, R> renderBatch, Consumer<R> sink, int threads) {
    return runBatches(reader, evaluator, renderBatch, sink, threads, Integer.MAX_VALUE, false);
  }

  /**
   * {@link #runBatches(UsageReader, Function, Function, Consumer, int) runBatches}, reading later records into the
   * buffers of batches already handed to the sink: a third less garbage per record (the bytes of the file are then
   * allocated once per chunk in flight, not once per chunk), so the heap of a long run stays smaller. The
   * outcomes a batch renders are valid only while {@code renderBatch} runs: it must copy what it needs (row bytes,
   * strings, results), and neither it nor {@code sink} may keep a {@link UsageRecord} or {@link UsageOutcome},
   * whose raw fields would later read other records' bytes. The results and the statement are those of
   * {@code runBatches}.
   *
   * @param reader the usage records; read to the end (on a thread of its own), not closed
   * @param evaluator the evaluation of a readable record; must be thread-safe
   * @param renderBatch turns the outcomes of a batch, in file order, into what the sink needs, keeping none of
   *     them; thread-safe
   * @param sink receives each rendered batch in file order, on the calling thread
   * @param threads the number of workers, at least 1
   * @param <R> the rendered form of a batch
   * @return the statement of the evaluated lines, with the rejected records counted
   */
  public static <R> CreditStatement runBatchesReusingBuffers(UsageReader reader,
      Function<UsageRecord, LineResult> evaluator, Function<List<UsageOutcome>, R> renderBatch, Consumer<R> sink,
      int threads) {
    return runBatches(reader, evaluator, renderBatch, sink, threads, Integer.MAX_VALUE, true);
  }

  static <R> CreditStatement runBatches(UsageReader reader, Function<UsageRecord, LineResult> evaluator,
      Function<List<UsageOutcome>, R> renderBatch, Consumer<R> sink, int threads, int batchSize, boolean reuse) {
    Objects.requireNonNull(evaluator, "evaluator");
    Objects.requireNonNull(renderBatch, "renderBatch");
    Objects.requireNonNull(sink, "sink");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
    ExecutorService workers = Executors.newFixedThreadPool(threads, daemon("pec-worker"));
    BlockingQueue<Future<Batch<R>>> inFlight = new ArrayBlockingQueue<>(threads * 2 + 1);
    Future<Batch<R>> end = CompletableFuture.completedFuture(null);
    ThreadLocal<CsvFields> fields = ThreadLocal.withInitial(reader::fieldsForThread);
    Thread readerThread = daemon("pec-reader").newThread(() -> {
      try {
        if (reader.isFeed()) {
          // records of another kind of source arrive decoded: hand them on in batches
          List<UsageRecord> batch = new ArrayList<>();
          while (reader.hasNext()) {
            batch.add(reader.next());
            if (batch.size() == Math.min(BATCH, batchSize) || !reader.hasNext()) {
              List<UsageRecord> b = batch;
              inFlight.put(workers.submit(() -> evaluate(b, evaluator, renderBatch)));
              batch = new ArrayList<>();
            }
          }
        }
        CsvChunks.Chunk chunk;
        while (!reader.isFeed() && (chunk = reader.nextChunk()) != null) {
          for (int from = 0; from < chunk.size(); from += batchSize) {
            CsvChunks.Chunk c = chunk;
            int lo = from;
            int hi = (int) Math.min(chunk.size(), (long) from + batchSize);
            CsvChunks.Chunk done = reuse && hi == chunk.size() ? chunk : null;
            inFlight.put(workers.submit(
                () -> evaluate(reader, c, lo, hi, fields.get(), evaluator, renderBatch).releasing(done)));
          }
        }
        inFlight.put(end);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException | Error e) {
        try {
          inFlight.put(CompletableFuture.failedFuture(e));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    });
    readerThread.start();
    CreditStatement statement = CreditStatement.empty();
    boolean done = false;
    try {
      while (true) {
        Future<Batch<R>> f = inFlight.take();
        if (f == end) {
          break;
        }
        Batch<R> batch = f.get();
        sink.accept(batch.rendered);
        statement = statement.merge(batch.statement);
        if (batch.done != null) {
          reader.reuse(batch.done); // every batch of the chunk is rendered and written: its bytes are free
        }
      }
      done = true;
      return statement;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while evaluating usage", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } finally {
      if (!done) {
        readerThread.interrupt();
      }
      workers.shutdownNow();
    }
  }

  private static <R> Batch<R> evaluate(List<UsageRecord> records, Function<UsageRecord, LineResult> evaluator,
      Function<List<UsageOutcome>, R> renderBatch) {
    List<UsageOutcome> outcomes = new ArrayList<>(records.size());
    Fold fold = new Fold();
    for (UsageRecord r : records) {
      UsageOutcome o = outcome(r, evaluator);
      fold.add(o);
      outcomes.add(o);
    }
    return new Batch<>(renderBatch.apply(outcomes), fold.toStatement(), null);
  }

  private static <R> Batch<R> evaluate(UsageReader reader, CsvChunks.Chunk chunk, int from, int to, CsvFields fields,
      Function<UsageRecord, LineResult> evaluator, Function<List<UsageOutcome>, R> renderBatch) {
    List<UsageOutcome> outcomes = new ArrayList<>(to - from);
    Fold fold = new Fold();
    for (int i = from; i < to; i++) {
      UsageOutcome o = outcome(reader.decode(chunk, i, fields), evaluator);
      fold.add(o);
      outcomes.add(o);
    }
    return new Batch<>(renderBatch.apply(outcomes), fold.toStatement(), null);
  }

  private static UsageOutcome outcome(UsageRecord rec, Function<UsageRecord, LineResult> evaluator) {
    return new UsageOutcome(rec, rec.isRejected() ? null : evaluator.apply(rec));
  }

  /**
   * Evaluates each readable record's line with {@code evaluator}.
   *
   * @param evaluator the evaluation of a usage line
   * @return the evaluation of a readable record
   */
  public static Function<UsageRecord, LineResult> byLine(Function<UsageLine, LineResult> evaluator) {
    Objects.requireNonNull(evaluator, "evaluator");
    return rec -> evaluator.apply(rec.line().orElseThrow());
  }

  /**
   * The number of worker threads a run should use on this machine: one fewer than the available processors, at
   * least one. The reading thread, the writing thread and the JIT compiler need the remaining processor: on two
   * processors, two workers took more CPU and more time than one (1,000,000 realistic lines, fresh processes).
   *
   * @return the default number of workers
   */
  public static int defaultThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread t = new Thread(runnable, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** A rendered batch, its statement, and the chunk whose buffer is free once the batch is written (or null). */
  private record Batch<R>(R rendered, CreditStatement statement, CsvChunks.Chunk done) {
    Batch<R> releasing(CsvChunks.Chunk chunk) {
      return chunk == null ? this : new Batch<>(rendered, statement, chunk);
    }
  }

  /** A sequential fold of outcomes into a statement, through the statement's collector. */
  private static final class Fold {
    private final List<LineResult> pending = new ArrayList<>(BATCH);
    private CreditStatement statement = CreditStatement.empty();
    private long rejected;

    void add(UsageOutcome o) {
      if (o.result() == null) {
        rejected++;
        return;
      }
      pending.add(o.result());
      if (pending.size() == BATCH) {
        flush();
      }
    }

    private void flush() {
      if (!pending.isEmpty()) {
        statement = statement.merge(pending.stream().collect(CreditStatement.collector()));
        pending.clear();
      }
    }

    CreditStatement toStatement() {
      flush();
      return statement.plusRejected(rejected);
    }
  }
}
