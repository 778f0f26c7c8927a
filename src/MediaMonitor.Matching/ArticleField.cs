namespace MediaMonitor.Matching;

public enum ArticleField { Title, Body }
