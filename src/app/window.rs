//! The native window: its size at the first start, and its size and place kept between runs by
//! eframe (in the settings file [`Settings::window_file`]). Full screen belongs to presentation
//! mode alone, so it is never kept: a window closed while presenting opens as it was before.
//! The window carries Preshow's icon and the application id `preshow`, which the desktop entry
//! names (`StartupWMClass=preshow`) so the desktop shows the window under Preshow's icon.

use crate::app::Settings;
use std::sync::Arc;

/// The window's icon: assets/icons/preshow-256.png, drawn from assets/icon.svg.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/preshow-256.png");

/// The application id the desktop knows the window by (Wayland's app id, X11's `WM_CLASS`); the
/// desktop entry's `StartupWMClass` and its file name say the same.
const APP_ID: &str = "preshow";

/// The key eframe keeps the window's size and place under.
const WINDOW_KEY: &str = "window";

/// The window: 1440 by 900 points the first time (full screen to present), then the size and
/// place it had when it last closed.
pub fn native_options(present: bool, settings: &Settings) -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_inner_size(if present {
            [1920.0, 1080.0]
        } else {
            [1440.0, 900.0]
        })
        .with_min_inner_size([900.0, 560.0])
        .with_title("Preshow")
        .with_app_id(APP_ID)
        .with_fullscreen(present);
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(icon);
    }
    eframe::NativeOptions {
        viewport,
        persist_window: settings.window_file.is_some(),
        persistence_path: settings.window_file.clone(),
        // Applied after the size and place are restored.
        window_builder: Some(Box::new(move |builder| builder.with_fullscreen(present))),
        ..Default::default()
    }
}

/// Preshow's icon for the window; none (eframe's own) when the bundled one cannot be read: a
/// warning in the log, and the window opens all the same.
fn icon() -> Option<Arc<egui::IconData>> {
    match eframe::icon_data::from_png_bytes(ICON_PNG) {
        Ok(icon) => Some(Arc::new(icon)),
        Err(e) => {
            log::warn!("the window icon could not be read: {e}");
            None
        }
    }
}

/// Turns the window eframe has just noted, full screen while presenting, back into the normal
/// window it keeps beside that (its size and place before presenting).
pub fn keep_unpresented(storage: &mut dyn eframe::Storage) {
    if let Some(noted) = storage.get_string(WINDOW_KEY) {
        storage.set_string(WINDOW_KEY, unpresented(&noted));
    }
}

/// `noted` (eframe's RON for the window) as a window that is not full screen.
fn unpresented(noted: &str) -> String {
    noted.replace("fullscreen:true", "fullscreen:false")
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::Storage as _;

    /// What eframe 0.37 wrote for a window closed while presenting, read back by a real run.
    const NOTED: &str = "(normal_geometry:(outer_position_pixels:Some((x:120.0,y:80.0)),\
        scale_factor:1.0,inner_size_points:(x:1100.0,y:700.0)),fullscreen:true,maximized:false)";

    /// eframe's storage, in memory.
    #[derive(Default)]
    struct Memory(std::collections::BTreeMap<String, String>);

    impl eframe::Storage for Memory {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }

    #[test]
    fn the_window_carries_preshows_icon() {
        let icon = icon().unwrap_or_default();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // The corner is transparent (a rounded square), the middle is the white calendar page.
        assert_eq!(icon.rgba.get(..4), Some(&[0, 0, 0, 0][..]));
        let middle = (128 * 256 + 128) * 4;
        assert_eq!(
            icon.rgba.get(middle..middle + 3),
            Some(&[0xff, 0xff, 0xff][..])
        );
    }

    #[test]
    fn a_window_closed_while_presenting_is_kept_as_it_was_before() {
        let mut storage = Memory::default();
        keep_unpresented(&mut storage);
        assert!(storage.0.is_empty(), "nothing noted, nothing kept");
        storage.set_string(WINDOW_KEY, NOTED.to_owned());
        keep_unpresented(&mut storage);
        assert_eq!(
            storage.get_string(WINDOW_KEY).as_deref(),
            Some(
                "(normal_geometry:(outer_position_pixels:Some((x:120.0,y:80.0)),\
                 scale_factor:1.0,inner_size_points:(x:1100.0,y:700.0)),fullscreen:false,\
                 maximized:false)"
            )
        );
    }
}
