package dev.switchboard.app.console.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class PagedListTest {
    private final TestTaskRunner tasks = TestTaskRunner.queued();
    private final List<String> reads = new ArrayList<>();

    private PagedList<String> list(int size, int pageSize, int maxPages) {
        return new PagedList<>(size, pageSize, maxPages, (offset, limit) -> {
            reads.add(offset + "+" + limit);
            return LongStream.range(offset, offset + limit).mapToObj(i -> "row " + i).toList();
        }, tasks);
    }

    @Test
    void getAnswersWithAPlaceholderThatFillsWhenItsPageArrives() {
        PagedList<String> list = list(1000, 100, 5);

        LazyRow<String> row = list.get(150);

        assertThat(row.isLoaded()).isFalse();
        assertThat(list.pendingProperty().get()).isEqualTo(1);
        tasks.runAll();
        assertThat(row.getValue()).isEqualTo("row 150");
        assertThat(list.get(150)).isSameAs(row);
        assertThat(reads).containsExactly("100+100");
        assertThat(list.pendingProperty().get()).isZero();
    }

    @Test
    void rowsOfOnePageShareOneRead() {
        PagedList<String> list = list(1000, 100, 5);

        for (int i = 200; i < 300; i++) {
            list.get(i);
        }
        list.get(250);
        tasks.runAll();

        assertThat(reads).containsExactly("200+100");
    }

    @Test
    void theLastPageIsShort() {
        PagedList<String> list = list(1050, 100, 5);

        LazyRow<String> last = list.get(1049);
        tasks.runAll();

        assertThat(reads).containsExactly("1000+50");
        assertThat(last.getValue()).isEqualTo("row 1049");
    }

    @Test
    void keepsOnlyTheMostRecentlyUsedPagesAndSkipsReadsOfEvictedOnes() {
        PagedList<String> list = list(10_000, 100, 3);

        for (int page = 0; page < 10; page++) {
            list.get(page * 100);
        }
        tasks.runAll();

        assertThat(list.cachedPages()).isEqualTo(3);
        // pages 0..6 were pushed out before their reads started: only the last three were read, newest first
        assertThat(reads).containsExactly("900+100", "800+100", "700+100");
        assertThat(list.peek(0)).isNull();
        assertThat(list.peek(950).getValue()).isEqualTo("row 950");
    }

    @Test
    void afterAFastScrollTheNewestPagesAreReadFirstAndOnlyTwoAtATime() {
        PagedList<String> list = list(100_000, 100, 20);

        for (int page = 0; page < 10; page++) {
            list.get(page * 100);
        }

        assertThat(tasks.queuedWork()).isEqualTo(PagedList.MAX_READS);
        assertThat(list.pendingProperty().get()).isEqualTo(10);
        tasks.runNext();
        tasks.runNext();
        tasks.runNext();
        tasks.runNext();
        assertThat(reads).containsExactly("0+100", "100+100", "900+100", "800+100");
        tasks.runAll();
        assertThat(reads).hasSize(10);
        assertThat(list.pendingProperty().get()).isZero();
    }

    @Test
    void usingAPageKeepsItCached() {
        PagedList<String> list = list(10_000, 100, 2);

        list.get(0);
        list.get(100);
        list.get(5);
        list.get(200);
        tasks.runAll();

        assertThat(list.peek(0)).isNotNull();
        assertThat(list.peek(100)).isNull();
    }

    @Test
    void aDisposedListDropsLatePages() {
        PagedList<String> list = list(1000, 100, 5);
        LazyRow<String> row = list.get(10);

        list.dispose();
        tasks.runAll();

        assertThat(row.isLoaded()).isFalse();
        assertThat(reads).isEmpty();
    }

    @Test
    void aFailedReadIsTriedAgainOnTheNextLook() {
        int[] failures = {1};
        PagedList<String> list = new PagedList<>(100, 10, 5, (offset, limit) -> {
            if (failures[0]-- > 0) {
                throw new IllegalStateException("store busy");
            }
            return LongStream.range(offset, offset + limit).mapToObj(i -> "row " + i).toList();
        }, tasks);

        list.get(3);
        tasks.runAll();
        LazyRow<String> again = list.get(3);
        tasks.runAll();

        assertThat(again.getValue()).isEqualTo("row 3");
    }

    @Test
    void indexOfEqualsAndHashCodeNeverReadTheList() {
        PagedList<String> list = list(1_000_000, 100, 5);
        LazyRow<String> row = list.get(123_456);

        assertThat(list.indexOf(row)).isEqualTo(123_456);
        assertThat(list.contains(row)).isTrue();
        assertThat(list.indexOf("row 5")).isEqualTo(-1);
        assertThat(list).isNotEqualTo(list(1_000_000, 100, 5));
        list.hashCode();
        assertThat(tasks.queuedWork()).isEqualTo(1);
    }
}
