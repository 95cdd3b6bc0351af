/** A scene on the projected stage (1920×1080 up to 4K) or on a phone of the audience. */
export type Groesse = 'buehne' | 'handy';
