// placeholder so the project builds before its tests land
