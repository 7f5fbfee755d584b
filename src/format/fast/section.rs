//! A list section: its items read one by one into a list sized from the first of them (the
//! section-size estimate), and each item's line and id noted in the source map.

use crate::format::fast::Parser;
use crate::format::scan::{ItemSpan, unquote};
use crate::model::Section;

/// Reads one item of a section: the item, its line, and its id as written.
type ItemReader<'a, T> = fn(&mut Parser<'a>) -> Option<(T, usize, Option<&'a str>)>;

/// How many items of a list section are read before its length is estimated from theirs.
const SAMPLE_ITEMS: usize = 64;

/// How many items a list section will likely hold in all, once `read` items took `bytes` of
/// text and `remaining` bytes are left: as many more as the rest of the text holds at their
/// average length, and a sixteenth more, since the rest is seldom all one section. The room is
/// kept to twice the text left, so that a file of tiny items never asks for far more memory than
/// it needs.
fn estimate<T>(read: usize, bytes: usize, remaining: usize) -> usize {
    let average = (bytes / read.max(1)).max(1);
    let more = remaining / average;
    let limit = remaining.saturating_mul(2) / std::mem::size_of::<T>().max(1);
    read + (more + more / 16).min(limit)
}

/// How many items' ids are copied into the source map at a time.
const SPAN_BATCH: usize = 256;

/// The id of an item as the scan notes it ([`unquote`] of the text written): for a plain string
/// with no escapes (nearly every id) that is just the text between the quotes.
fn span_id(text: &str) -> String {
    match text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .filter(|t| !t.contains(['\\', '"']))
    {
        Some(inner) => inner.to_owned(),
        None => unquote(text),
    }
}

impl<'a> Parser<'a> {
    /// A list section: its items, each noted in the source map with its line and id (unless
    /// the parser notes no spans).
    ///
    /// A long list is not grown by doubling, which copies the items read so far each time and
    /// at 100,000 accounts took a tenth of the load. After [`SAMPLE_ITEMS`] items it makes room
    /// for as many more as the rest of the text would hold at their average length, and gives
    /// back what it did not use when that was much too much (a section with a longer one after
    /// it).
    pub(super) fn section<T>(
        &mut self,
        section: Section,
        item: ItemReader<'a, T>,
    ) -> Option<Vec<T>> {
        let start = self.at;
        // The items' places, with their ids as written. The ids are copied a batch of items at
        // a time, so that the copies do not sit between the items' own strings in memory: the
        // checks then read those more densely.
        let mut spans: Vec<ItemSpan> = Vec::new();
        let mut batch: Vec<(usize, Option<&'a str>)> = Vec::with_capacity(SPAN_BATCH);
        let flush = |batch: &mut Vec<(usize, Option<&'a str>)>, spans: &mut Vec<ItemSpan>| {
            spans.extend(batch.drain(..).map(|(line, id)| ItemSpan {
                line,
                id: id.map(span_id),
            }));
        };
        let mut items = Vec::new();
        self.list_into(&mut items, |p, items| {
            let (x, line, id) = item(p)?;
            items.push(x);
            if items.len() == SAMPLE_ITEMS {
                let total = estimate::<T>(SAMPLE_ITEMS, p.at - start, p.b.len() - p.at);
                // Room that cannot be had is no error: the list then grows as usual.
                let _ = items.try_reserve_exact(total - items.len());
                if p.spans {
                    let _ = spans.try_reserve_exact(total - spans.len());
                }
            }
            if p.spans {
                batch.push((line, id));
                if batch.len() == SPAN_BATCH {
                    flush(&mut batch, &mut spans);
                }
            }
            Some(())
        })?;
        flush(&mut batch, &mut spans);
        if items.capacity() > items.len() + items.len() / 4 {
            items.shrink_to_fit();
        }
        if spans.capacity() > spans.len() + spans.len() / 4 {
            spans.shrink_to_fit();
        }
        if !spans.is_empty() {
            self.map.items.insert(section, spans);
        }
        Some(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::fast::parse;

    /// Long sections are sized from their first items and keep little spare room, whether a
    /// longer section follows them (accounts) or not (meetings).
    #[test]
    fn long_sections_keep_little_spare_room() {
        let text = crate::ops::generate::generate_text(300, 1);
        let (plan, map) = parse(&text).expect("the fast reader reads a generated plan");
        let sizes = [
            ("accounts", plan.accounts.len(), plan.accounts.capacity()),
            ("meetings", plan.meetings.len(), plan.meetings.capacity()),
        ];
        for (name, len, capacity) in sizes {
            assert!(len > SAMPLE_ITEMS, "{name}: {len} items");
            assert!(
                capacity <= len + len / 4,
                "{name}: {len} items, room for {capacity}"
            );
        }
        let spans = map.items.get(&Section::Meetings).map(Vec::len);
        assert_eq!(spans, Some(plan.meetings.len()));
    }
}
