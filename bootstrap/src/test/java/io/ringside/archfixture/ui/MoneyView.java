package io.ringside.archfixture.ui;

public class MoneyView {
    public void show() {
    }
}
