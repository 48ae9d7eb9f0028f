//! Maps read from files with every key given once. serde fills a map silently, keeping the last
//! value of a repeated key, so a hand-edited file with a milestone listed twice would load as if
//! nothing were wrong and the next save would drop the first entry without a word. Refusing the
//! file instead (the parser reports where) keeps both until the person chooses.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, Error, MapAccess, Visitor};

/// For `#[serde(deserialize_with = "…")]` on a `BTreeMap<String, V>` read from a file.
pub fn unique_keys<'de, D, V>(deserializer: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Unique<V>(PhantomData<V>);

    impl<'de, V: Deserialize<'de>> Visitor<'de> for Unique<V> {
        type Value = BTreeMap<String, V>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a map with each key once")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
            let mut map = BTreeMap::new();
            while let Some(key) = access.next_key::<String>()? {
                if map.contains_key(&key) {
                    return Err(A::Error::custom(format_args!(
                        "\"{key}\" is listed twice in this map: keep one of the two entries"
                    )));
                }
                let value = access.next_value()?;
                map.insert(key, value);
            }
            Ok(map)
        }
    }

    deserializer.deserialize_map(Unique(PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Holder {
        #[serde(deserialize_with = "unique_keys")]
        map: BTreeMap<String, u8>,
    }

    #[test]
    fn a_repeated_key_is_refused_and_distinct_keys_load() {
        let twice = ron::from_str::<Holder>("(map: {\"a\": 1, \"a\": 2})").unwrap_err();
        assert!(
            twice.to_string().contains("\"a\" is listed twice"),
            "{twice}"
        );
        let fine = ron::from_str::<Holder>("(map: {\"a\": 1, \"b\": 2})").unwrap();
        assert_eq!(fine.map.len(), 2);
    }
}
